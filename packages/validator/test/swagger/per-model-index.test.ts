import { describe, expect, it } from '@jest/globals';
import { perModel } from '../../src/rules/operations/rule-kit.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';

describe('perModel', () => {
  it('builds an index once per model, and each index of a model on its own', () => {
    const built: string[] = [];
    const titles = perModel((model) => {
      built.push(`titles of ${String(model.root.id)}`);
      return { id: model.root.id };
    });
    const counts = perModel((model) => {
      built.push(`counts of ${String(model.root.id)}`);
      return [model.root.id];
    });
    const first = new SwaggerModel({ id: 'first', paths: {} });
    const second = new SwaggerModel({ id: 'second', paths: {} });
    const answers = [titles(first), counts(first), titles(first), titles(second), counts(first)];
    expect(answers).toEqual([{ id: 'first' }, ['first'], { id: 'first' }, { id: 'second' }, ['first']]);
    expect(answers[0]).toBe(answers[2]);
    expect(answers[1]).toBe(answers[4]);
    expect(built).toEqual(['titles of first', 'counts of first', 'titles of second']);
  });
});
