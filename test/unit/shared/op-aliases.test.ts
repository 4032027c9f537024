import { OP_NAMES } from '../../../shared/contract';
import { currentOpName, recordedOpNames } from '../../../shared/contract/renamed';

describe('renamed operations', () => {
  it('maps each old name to an operation of today', () => {
    for (const old of ['dedupe.merge', 'dispose.apply', 'rules.save', 'stats.get', 'mappings.list'])
      expect(OP_NAMES).toContain(currentOpName(old));
    expect(currentOpName('dedupe.merge')).toBe('duplicates.merge');
    expect(currentOpName('records.override')).toBe('classification.override');
  });

  it('leaves names that were never renamed, and inherited keys, as they are', () => {
    expect(currentOpName('vault.unlock')).toBe('vault.unlock');
    expect(currentOpName('constructor')).toBe('constructor');
  });

  it('lists every name an operation may be recorded under', () => {
    expect(recordedOpNames('classification.saveRules')).toEqual(['classification.saveRules', 'rules.save']);
    expect(recordedOpNames('vault.unlock')).toEqual(['vault.unlock']);
  });
});
