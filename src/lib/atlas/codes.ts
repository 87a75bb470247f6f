import type { ListKind } from '../parse/types';

/**
 * Lists and department roles are stored as small integers in the served parts (a region has a
 * quarter of a million items). The codes follow the display order: 基本, 配合, 收回.
 */
export const LIST_CODE: Record<ListKind, number> = { basic: 0, coop: 1, reclaimed: 2 };
export const LIST_OF_CODE: readonly ListKind[] = ['basic', 'coop', 'reclaimed'];

export type Role = 'lead' | 'receiver';
export const ROLE_CODE: Record<Role, number> = { lead: 0, receiver: 1 };
export const ROLE_OF_CODE: readonly Role[] = ['lead', 'receiver'];

/** SQL text mapping a list code column back to its name, for rows handed to views. */
export const listNameSql = (column: string) => `CASE ${column} WHEN 0 THEN 'basic' WHEN 1 THEN 'coop' ELSE 'reclaimed' END`;
export const roleNameSql = (column: string) => `CASE ${column} WHEN 0 THEN 'lead' ELSE 'receiver' END`;
