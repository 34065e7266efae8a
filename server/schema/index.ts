export * from './business';
export * from './master';
export * from './ops';
export * from './org';
export * from './service';
export * from './imports';
