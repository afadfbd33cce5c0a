export * from './visitation';
export * from './labels.da';
