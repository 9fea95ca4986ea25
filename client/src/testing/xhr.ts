import { vi } from 'vitest';
import type { Problem } from '@/testing/api';
import type { makeDocument } from '@/testing/casework';

// XMLHttpRequests the test drives: each records where it went, its headers and body, and is told
// when to report upload progress, to answer (and how), to fail, or sees that it was aborted.
export type Scripted = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: FormData;
  aborted: boolean;
  progress: (loaded: number, total: number) => void;
  respond: (status: number, body: ReturnType<typeof makeDocument> | Problem | null) => void;
  fail: () => void;
};

export function scriptedUploads(): Scripted[] {
  const sent: Scripted[] = [];
  class ScriptedXhr extends EventTarget {
    status = 0;
    responseText = '';
    readonly upload = new EventTarget();
    private readonly record: Scripted = {
      method: '',
      url: '',
      headers: {},
      body: new FormData(),
      aborted: false,
      progress: (loaded, total) => {
        const e = new Event('progress');
        Object.assign(e, { lengthComputable: true, loaded, total });
        this.upload.dispatchEvent(e);
      },
      respond: (status, body) => {
        this.status = status;
        this.responseText = body === null ? '' : JSON.stringify(body);
        this.dispatchEvent(new Event('load'));
      },
      fail: () => this.dispatchEvent(new Event('error')),
    };
    open(method: string, url: string) {
      this.record.method = method;
      this.record.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.record.headers[name] = value;
    }
    getAllResponseHeaders() {
      if (this.responseText === '') return '';
      return this.status >= 400 ? 'content-type: application/problem+json\r\n' : 'content-type: application/json\r\n';
    }
    send(body: FormData) {
      this.record.body = body;
      sent.push(this.record);
    }
    abort() {
      this.record.aborted = true;
      this.dispatchEvent(new Event('abort'));
    }
  }
  vi.stubGlobal('XMLHttpRequest', ScriptedXhr);
  return sent;
}
