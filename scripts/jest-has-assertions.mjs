// Every test must assert something: a test that makes no assertion cannot fail. A test whose check
// lives in a hook (afterAll) asserts what it set up as well.
import { beforeEach, expect } from '@jest/globals';

beforeEach(() => {
  expect.hasAssertions();
});
