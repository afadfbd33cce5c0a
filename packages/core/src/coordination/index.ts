export * from './copenhagen-time';
export * from './conflict-rules';
export * from './calendar';
export * from './survey';
export * from './labels.da';
