import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './api/list-audit';
import { checkVisibleLinks } from './chain-links';

function entry(centreId: string | null, seq: number, hash: string, prevHash: string): AuditEntry {
  return {
    id: `${centreId ?? 'n'}-${seq}`,
    centreId,
    seq,
    at: '2026-11-30T10:00:00.000000Z',
    actorUserId: null,
    action: 'user.update',
    entityType: 'user',
    entityId: null,
    changes: {},
    requestId: 'r',
    ip: '127.0.0.1',
    userAgent: 'test',
    prevHash,
    hash,
  };
}

describe('the chain links a page of the audit trail shows', () => {
  it('are intact when each entry names the hash of the one before it in its own chain', () => {
    const page = [entry('a', 3, 'h3', 'h2'), entry('b', 2, 'x2', 'x1'), entry('a', 2, 'h2', 'h1'), entry('b', 1, 'x1', '')];
    expect(checkVisibleLinks(page)).toEqual({ status: 'intact', checked: 2 });
  });

  it('are broken where an entry names another hash, even when chains interleave', () => {
    const page = [entry('a', 3, 'h3', 'tampered'), entry('b', 2, 'x2', 'h2'), entry('a', 2, 'h2', 'h1')];
    const result = checkVisibleLinks(page);
    expect(result.status).toBe('broken');
    expect(result.status === 'broken' && result.entry.seq).toBe(3);
  });

  it('check nothing when no entry has its predecessor on the page', () => {
    expect(checkVisibleLinks([entry(null, 9, 'h9', 'h8'), entry('a', 4, 'a4', 'a3')])).toEqual({ status: 'intact', checked: 0 });
  });
});
