import { Button, Group } from '@mantine/core';

// Keyset paging: the cursor of the page shown is in the URL; "First page" drops it.
export function Pager({
  cursor,
  nextCursor,
  onChange,
}: {
  cursor: string | undefined;
  nextCursor: string | null | undefined;
  onChange: (cursor: string | undefined) => void;
}) {
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" size="xs" disabled={cursor === undefined} onClick={() => onChange(undefined)}>
        First page
      </Button>
      <Button
        variant="default"
        size="xs"
        disabled={nextCursor === null || nextCursor === undefined}
        onClick={() => onChange(nextCursor ?? undefined)}
      >
        Next page
      </Button>
    </Group>
  );
}
