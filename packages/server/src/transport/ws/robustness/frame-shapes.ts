/**
 * The client frame union as data: each type's fields with their JSON Schema bounds (from zod's own
 * export, so a frame type added to `clientFrame` is fuzzed without touching these files), and the
 * probes the fuzzer sends.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { clientFrame } from '@candor/protocol/schemas';

export interface FieldSchema {
  type?: string;
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: FieldSchema[];
}

export interface FrameShape {
  type: string;
  fields: Record<string, FieldSchema>;
  required: string[];
}

/** What is sent: bytes, as a text frame unless `binary`. */
export interface Probe {
  data: Buffer;
  binary: boolean;
}

/** Ids that exist, read when a value is generated (the pool grows as the run creates conversations). */
export interface IdPool {
  conversations: string[];
  agents: string[];
}

export const FRAME_SHAPES: FrameShape[] = clientFrame.options.map((option) => {
  const schema = z.toJSONSchema(option, { io: 'input' }) as {
    properties: Record<string, FieldSchema>;
    required?: string[];
  };
  return {
    type: String(schema.properties.type?.const),
    fields: schema.properties,
    required: schema.required ?? [],
  };
});

/** A probe that fast-check prints readably in a counterexample. */
export function probeOf(data: Buffer, binary = false): Probe {
  const text = binary ? `binary ${data.toString('hex')}` : JSON.stringify(data.toString('utf8'));
  const shown = text.length > 400 ? `${text.slice(0, 400)}… (${data.length} bytes)` : text;
  return { data, binary, [fc.toStringMethod]: () => shown } as Probe;
}

export const textProbe = (s: string): Probe => probeOf(Buffer.from(s, 'utf8'));
