export * from './urgency';
export * from './items';
