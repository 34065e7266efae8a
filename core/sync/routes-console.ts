/**
 * The console's routes, part of head office's one route table (core/sync/routes.ts): sign-in and the
 * signed-in user's own requests under /console/api, the console's accounts and audit under /admin (the
 * administrator's token for the first account and for automation; an administrator's session after).
 * Runtime: any.
 */
import { z } from 'zod';
import {
  consoleAuditEntrySchema,
  consoleAuditQuerySchema,
  consoleLoginSchema,
  consoleMeSchema,
  consolePasswordChangeSchema,
  consoleUserChangeSchema,
  consoleUserInputSchema,
  consoleUserViewSchema,
} from './wire-console';

const done = z.object({ ok: z.literal(true) });

export const CONSOLE_ROUTES = {
  consoleLogin: {
    method: 'POST',
    path: '/console/api/login',
    auth: 'login',
    summary: '总部管理台登录（连续输错 5 次锁定 15 分钟）；成功后以 Cookie 保持会话',
    body: consoleLoginSchema,
    response: consoleMeSchema,
  },
  consoleLogout: {
    method: 'POST',
    path: '/console/api/logout',
    auth: 'console',
    summary: '退出总部管理台',
    response: done,
  },
  consoleMe: {
    method: 'GET',
    path: '/console/api/me',
    auth: 'console',
    summary: '当前登录的总部账号、角色和所管网点',
    response: consoleMeSchema,
  },
  consolePassword: {
    method: 'POST',
    path: '/console/api/password',
    auth: 'console',
    summary: '修改本人密码（须输入原密码）',
    body: consolePasswordChangeSchema,
    response: done,
  },
  listConsoleUsers: {
    method: 'GET',
    path: '/admin/console-users',
    auth: 'admin',
    summary: '总部管理台账号列表',
    response: z.object({ users: z.array(consoleUserViewSchema) }),
  },
  createConsoleUser: {
    method: 'POST',
    writes: true,
    path: '/admin/console-users',
    auth: 'admin',
    summary: '新建总部管理台账号（管理员、稽核、营业厅经理、只读）',
    body: consoleUserInputSchema,
    response: consoleUserViewSchema,
  },
  changeConsoleUser: {
    method: 'POST',
    writes: true,
    path: '/admin/console-users/:id',
    auth: 'admin',
    summary: '重设总部账号密码（同时解锁）或停用、启用账号',
    body: consoleUserChangeSchema,
    response: consoleUserViewSchema,
  },
  listConsoleAudit: {
    method: 'GET',
    path: '/admin/console-audit',
    auth: 'admin',
    summary: '总部管理台操作日志（登录、退出和每一项写操作）',
    query: consoleAuditQuerySchema,
    response: z.object({ entries: z.array(consoleAuditEntrySchema) }),
  },
} as const;
