import { Badge } from '@mantine/core';
import { humanise } from '@/lib/format';
import type { ExtractionStatus } from '../api/document-types';

// Dark shades, outlined: the light ones fall short of WCAG contrast on white.
const colours: Record<ExtractionStatus, string> = { pending: 'blue.9', done: 'teal.9', failed: 'red.9', not_applicable: 'gray.7' };

// Where the text extraction of a document's current version stands.
export function ExtractionBadge({ status }: { status: ExtractionStatus }) {
  return (
    <Badge variant="outline" color={colours[status]} title={`Text extraction: ${humanise(status).toLowerCase()}`}>
      {humanise(status)}
    </Badge>
  );
}
