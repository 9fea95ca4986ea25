// Tells the other tabs of this browser that the user signed out, so none stays on a screen whose
// session is gone. Tokens never travel on this channel.
const CHANNEL = 'cma-session';

type Message = { type: 'signedOut' };

export function announceSignOut(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'signedOut' } satisfies Message);
  channel.close();
}

export function onSignOutElsewhere(handler: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<Message> | null;
    if (data?.type === 'signedOut') handler();
  };
  return () => channel.close();
}
