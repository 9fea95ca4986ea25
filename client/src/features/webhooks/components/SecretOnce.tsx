import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

// A signing secret as the server gives it: once, on create or rotate. It is kept only in this
// component's props, so closing the dialogue forgets it.
export function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="red" title="You won't see this secret again" role="alert">
        Copy it now into the receiving system: it signs every delivery (docs/webhooks.md). If it is lost,
        rotate the secret to get a new one.
      </Alert>
      <Text size="sm" fw={500} id="webhook-secret-label">
        Signing secret
      </Text>
      <Code block aria-labelledby="webhook-secret-label" data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
        {secret}
      </Code>
      <Group>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy} color={copied ? 'teal' : 'blue'}>
              {copied ? 'Copied' : 'Copy the secret'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          I have copied it
        </Button>
      </Group>
    </Stack>
  );
}
