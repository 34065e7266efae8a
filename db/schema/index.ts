export * from './counter';
export * from './customers';
export * from './ledger';
export * from './staff';
