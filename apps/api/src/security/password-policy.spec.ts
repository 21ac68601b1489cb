import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each(['password123', 'QWERTYUIOP', ' iloveyou ', '12345678'])('should refuse %p', (pw) => {
    expect(passwordProblem(pw)).toMatch(/common/);
  });

  it.each(['short', 'x'.repeat(73), '€'.repeat(25)])('should refuse the length of %p', (pw) => {
    expect(passwordProblem(pw)).toMatch(/bytes/);
  });

  it('should accept a long uncommon passphrase', () => {
    expect(passwordProblem('correct horse battery')).toBeUndefined();
  });
});
