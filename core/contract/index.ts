/**
 * The one contract: every operation the UI may call, by name. Runtime: any.
 */
import type { z } from 'zod';
import { appointmentOps } from './appointments';
import { inspectionOps } from './inspections';
import { workOrderOps } from './work-orders';
import { installationOps } from './installations';
import { publicityOps } from './publicity';
import { authOps } from './auth';
import { cardOps, trainingOps } from './cards';
import { cashOps } from './cash';
import { customerOps } from './customers';
import { idCardOps } from './idcard';
import { priceOps } from './prices';
import { printingOps } from './printing';
import { reportOps } from './reports';
import { salesOps } from './sales';
import { serviceDeskOps } from './service-desk';
import { setupOps } from './setup';
import { staffOps } from './staff';
import { syncOps } from './sync';
import { systemOps } from './system';

export const contract = {
  ...systemOps,
  ...setupOps,
  ...authOps,
  ...staffOps,
  ...customerOps,
  ...priceOps,
  ...salesOps,
  ...cashOps,
  ...cardOps,
  ...trainingOps,
  ...printingOps,
  ...reportOps,
  ...serviceDeskOps,
  ...appointmentOps,
  ...workOrderOps,
  ...installationOps,
  ...publicityOps,
  ...inspectionOps,
  ...idCardOps,
  ...syncOps,
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<N extends OpName> = z.input<Contract[N]['input']>;
export type OpParsedInput<N extends OpName> = z.output<Contract[N]['input']>;
export type OpOutput<N extends OpName> = z.output<Contract[N]['output']>;

export const OP_NAMES = Object.keys(contract) as OpName[];

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** What a caller sends: the input, and for a writing operation its requestId (the clients fill one in). */
export type CallInput<N extends OpName> = OpInput<N> & { requestId?: string };

/** The names of the operations that write: each takes a requestId (services/requests/once.ts). */
export const WRITING_OPS: ReadonlySet<OpName> = new Set(OP_NAMES.filter((n) => contract[n].writes));

/** The typed client both transports give the renderer. */
export type Api = { [N in OpName]: (input: CallInput<N>) => Promise<OpOutput<N>> };

export * from './common';
export * from './auth';
export * from './customers';
export * from './customer-fields';
export * from './cards';
export * from './cash';
export * from './prices';
export * from './printing';
export * from './reports';
export * from './sales';
export * from './service-desk';
export * from './appointments';
export * from './work-orders';
export * from './inspections';
export * from './installations';
export * from './publicity';
export * from './setup';
export * from './staff';
export * from './system';
export * from './sync';
export * from './issues';
export * from './idcard';
