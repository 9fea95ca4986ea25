import { Badge } from '@mantine/core';
import { humanise } from '@/lib/format';
import type { ExtractionStatus } from '../api/document-types';

const colours: Record<ExtractionStatus, string> = { pending: 'yellow', done: 'green', failed: 'red', not_applicable: 'gray' };

// Where the text extraction of a document's current version stands.
export function ExtractionBadge({ status }: { status: ExtractionStatus }) {
  return (
    <Badge variant="light" color={colours[status]} title={`Text extraction: ${humanise(status).toLowerCase()}`}>
      {humanise(status)}
    </Badge>
  );
}
