export * from './business';
export * from './master';
export * from './ops';
export * from './org';
export * from './service';
export * from './console';
export * from './reports';
export * from './imports';
