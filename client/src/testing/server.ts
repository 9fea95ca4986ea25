import { setupServer } from 'msw/node';

// The mocked network of the screen tests. Each test installs the handlers it needs (see api.ts).
export const server = setupServer();
