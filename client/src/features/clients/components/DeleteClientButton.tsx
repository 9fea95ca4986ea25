import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/forms';
import { useDeleteClient } from '../api/delete-client';

// Managers and admins: deletes a client after asking, then returns to the list. The API refuses
// while a case of theirs is open or in progress, and says so here.
export function DeleteClientButton({ client }: { client: { id: string; firstName: string; lastName: string } }) {
  const [asking, setAsking] = useState(false);
  const remove = useDeleteClient();
  const navigate = useNavigate();
  const name = `${client.firstName} ${client.lastName}`;
  return (
    <>
      <Button variant="outline" color="red" onClick={() => setAsking(true)}>
        Delete client
      </Button>
      <Modal
        opened={asking}
        onClose={() => {
          setAsking(false);
          remove.reset();
        }}
        title={`Delete ${name}?`}
      >
        <Stack>
          <Text>{name} will no longer be listed or found. Their cases must be finished first; the audit trail keeps the record.</Text>
          {remove.isError && (
            <Alert color="red" role="alert">
              {errorMessage(remove.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              Keep the client
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(client.id, { onSuccess: () => navigate(paths.clients) })}>
              Delete the client
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
