export * from './cards';
export * from './cash';
export * from './counter';
export * from './customers';
export * from './ledger';
export * from './prices';
export * from './sales';
export * from './staff';
