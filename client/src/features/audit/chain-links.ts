import type { AuditEntry } from './api/list-audit';

export type LinkCheck =
  | { status: 'intact'; checked: number }
  | { status: 'broken'; checked: number; entry: AuditEntry };

// Within one page, an entry whose predecessor in the same chain is also on the page must name
// that entry's hash as its prevHash. This checks the links the page can see; recomputing each
// hash from its canonical content is `cma audit verify`'s job on the server.
export function checkVisibleLinks(entries: readonly AuditEntry[]): LinkCheck {
  const byChainSeq = new Map<string, AuditEntry>();
  for (const e of entries) byChainSeq.set(`${e.centreId ?? 'network'}:${e.seq}`, e);
  let checked = 0;
  for (const e of entries) {
    const previous = byChainSeq.get(`${e.centreId ?? 'network'}:${e.seq - 1}`);
    if (previous === undefined) continue;
    checked += 1;
    if (previous.hash !== e.prevHash) return { status: 'broken', checked, entry: e };
  }
  return { status: 'intact', checked };
}
