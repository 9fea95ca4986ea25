import { Alert, MantineProvider, Modal, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';

const theme = createTheme({
  primaryColor: 'indigo',
  // The darkest shades: coloured text on white, and white on colour, stay above WCAG AA contrast
  // (4.5:1) for every colour used (axe-core checks this in the end-to-end tests).
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  // Outlined alerts keep their coloured title on white, where the dark shades have the contrast.
  // A dialog's close button (an icon) gets a name screen readers can say.
  components: {
    Alert: Alert.extend({ defaultProps: { variant: 'outline' } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

// Secondary text (field descriptions) one shade darker than Mantine's default, for 4.5:1 on white.
const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <Notifications />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
