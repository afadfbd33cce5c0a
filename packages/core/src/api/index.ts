export * from './common';
export * from './citizens';
export * from './cases';
export * from './consents';
export * from './target-group';
export * from './coordination';
