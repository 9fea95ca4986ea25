import { Alert, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ErrorState, LoadingState } from '@/components/ListStates';
import { ApiError } from '@/lib/api/problem';
import { formatDate, formatDateTime, humanise } from '@/lib/format';
import { clientToForm, type ClientRecord } from '../api/client-form';
import { useClient } from '../api/get-client';
import { useUpdateClient } from '../api/update-client';
import { ClientForm } from './ClientForm';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children === '' || children === null ? '—' : children}</Text>
    </div>
  );
}

// Special-category data: shown only when the client consented to it being recorded, and then
// plainly marked as sensitive.
function Vulnerability({ client }: { client: ClientRecord }) {
  if (!client.vulnerabilityConsent) {
    return (
      <Text size="sm" c="gray.7">
        No consent to record vulnerabilities. Ask the client before recording any.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm">
        Recorded with the client’s consent, given {formatDateTime(client.vulnerabilityConsentAt)}. Sensitive: share only
        what the client’s advice needs.
      </Text>
      {client.vulnerabilityFlags.length === 0 ? (
        <Text size="sm">None recorded.</Text>
      ) : (
        <Group gap="xs" aria-label="Vulnerabilities">
          {client.vulnerabilityFlags.map((f) => (
            <Badge key={f} variant="outline" color="grape">
              {humanise(f)}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}

export function ClientNotFound() {
  return (
    <>
      <Title order={1} size="h2">
        Client not found
      </Title>
      <Alert mt="md" color="gray">
        There is no client at this address that you can see.
      </Alert>
    </>
  );
}

// One client's record. `actions` and `cases` come from the app: opening a case, and their cases.
export function ClientPage({
  id,
  actions,
  cases,
}: {
  id: string;
  actions?: (client: ClientRecord) => ReactNode;
  cases?: (client: ClientRecord) => ReactNode;
}) {
  const client = useClient(id);
  const update = useUpdateClient();
  const [editing, setEditing] = useState(false);
  if (client.isPending) return <LoadingState label="Loading the client…" />;
  if (client.isError) {
    if (client.error instanceof ApiError && client.error.status === 404) return <ClientNotFound />;
    return <ErrorState error={client.error} onRetry={() => void client.refetch()} />;
  }
  const c = client.data;
  const address = [c.addressLine1, c.addressLine2, c.town, c.postcode].filter((s) => s !== '').join(', ');
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            {c.title !== '' ? `${c.title} ` : ''}
            {c.firstName} {c.lastName}
          </Title>
          <Text c="gray.7">Client {c.reference}</Text>
        </div>
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            Edit client
          </Button>
          {actions?.(c)}
        </Group>
      </Group>
      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit client" size="xl">
        <ClientForm
          defaultValues={clientToForm(c)}
          submitLabel="Save changes"
          save={async (values) => {
            await update.mutateAsync({ id: c.id, values });
            setEditing(false);
          }}
        />
      </Modal>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="client-details">
          <Title order={2} size="h4" id="client-details" mb="sm">
            Details
          </Title>
          <SimpleGrid cols={2}>
            <Field label="Date of birth">{formatDate(c.dateOfBirth)}</Field>
            <Field label="National Insurance number">{c.niNumber ?? '—'}</Field>
            <Field label="Phone">{c.phone}</Field>
            <Field label="Mobile">{c.mobile}</Field>
            <Field label="E-mail">{c.email}</Field>
            <Field label="Preferred contact">{humanise(c.preferredContact)}</Field>
            <Field label="Address">{address}</Field>
            <Field label="Language">{c.language}</Field>
          </SimpleGrid>
        </Card>
        <Card withBorder component="section" aria-labelledby="client-household">
          <Title order={2} size="h4" id="client-household" mb="sm">
            Household
          </Title>
          <SimpleGrid cols={2}>
            <Field label="Adults">{c.adults}</Field>
            <Field label="Children’s ages">{c.childrenAges.length === 0 ? 'No children' : c.childrenAges.join(', ')}</Field>
            <Field label="Marital status">{humanise(c.maritalStatus)}</Field>
            <Field label="Employment">{humanise(c.employmentStatus)}</Field>
            <Field label="Housing">{humanise(c.housingTenure)}</Field>
          </SimpleGrid>
        </Card>
        <Card withBorder component="section" aria-labelledby="client-consent">
          <Title order={2} size="h4" id="client-consent" mb="sm">
            Consent
          </Title>
          <SimpleGrid cols={2}>
            <Field label="Data sharing">
              {c.dataSharingConsent ? `Given ${formatDateTime(c.dataSharingConsentAt)}` : 'Not given'}
            </Field>
            <Field label="Recording vulnerabilities">
              {c.vulnerabilityConsent ? `Given ${formatDateTime(c.vulnerabilityConsentAt)}` : 'Not given'}
            </Field>
          </SimpleGrid>
        </Card>
        <Card withBorder component="section" aria-labelledby="client-vulnerability">
          <Title order={2} size="h4" id="client-vulnerability" mb="sm">
            Vulnerability
          </Title>
          <Vulnerability client={c} />
        </Card>
      </SimpleGrid>
      {cases?.(c)}
    </Stack>
  );
}
