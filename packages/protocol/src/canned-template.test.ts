import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillCannedResponse } from './canned-template';

describe('canned response variables', () => {
  const vars = { visitorName: 'Blue Fox', agentName: 'Ada' };

  it('fills {{visitor.name}} and {{agent.name}}, with or without inner spaces, every time', () => {
    assert.equal(
      fillCannedResponse('Hi {{visitor.name}}, {{ agent.name }} here. Bye {{visitor.name}}', vars),
      'Hi Blue Fox, Ada here. Bye Blue Fox',
    );
  });

  it('leaves unknown variables as typed and inserts names literally', () => {
    assert.equal(fillCannedResponse('{{order.id}} {visitor.name}', vars), '{{order.id}} {visitor.name}');
    assert.equal(fillCannedResponse('Hi {{visitor.name}}', { ...vars, visitorName: '$& $1' }), 'Hi $& $1');
  });
});
