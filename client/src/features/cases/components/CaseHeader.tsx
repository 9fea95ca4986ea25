import { Alert, Anchor, Group, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { linkTo, paths } from '@/config/paths';
import type { CaseDetail } from '../api/get-case';
import { StatusBadge } from './CasesTable';

export function CaseHeader({ c }: { c: CaseDetail }) {
  return (
    <div>
      <Text size="sm">
        <Anchor component={Link} to={paths.cases}>
          Cases
        </Anchor>
      </Text>
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          Case {c.reference}
        </Title>
        <StatusBadge status={c.status} />
      </Group>
      <Text c="gray.7">
        For{' '}
        <Anchor component={Link} to={linkTo.client(c.clientId)}>
          {c.clientName}
        </Anchor>
      </Text>
    </div>
  );
}

// Another centre's case and a case that does not exist look the same: the API answers 404 to both.
export function CaseNotFound() {
  return (
    <>
      <Title order={1} size="h2">
        Case not found
      </Title>
      <Alert mt="md" color="gray">
        There is no case at this address that you can see.
      </Alert>
    </>
  );
}
