import { checkMrzLine2, mrzCheckDigit, travelDocumentKind } from '../../../../shared/identifiers/passport';

// ICAO Doc 9303 Part 4 specimen (Utopia, Anna Maria Eriksson), line 2 of the TD3 zone.
const SPECIMEN = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';

describe('travelDocumentKind', () => {
  test.each([
    ['E12345678', 'prc-passport'],
    ['EA1234567', 'prc-passport'],
    ['e12345678', 'prc-passport'],
    ['G12345678', 'prc-passport'],
    ['C12345678', 'hk-macao-travel-permit'],
    ['CA1234567', 'hk-macao-travel-permit'],
    ['H12345678', 'home-return-permit'],
    ['M1234567801', 'home-return-permit'],
  ])('%s → %s', (text, kind) => {
    expect(travelDocumentKind(text)).toBe(kind);
  });

  test('no I or O after E; wrong lengths; unknown prefixes', () => {
    expect(travelDocumentKind('EI1234567')).toBeNull();
    expect(travelDocumentKind('EO1234567')).toBeNull();
    expect(travelDocumentKind('E1234567')).toBeNull();
    expect(travelDocumentKind('X12345678')).toBeNull();
    expect(travelDocumentKind('12345678')).toBeNull();
  });
});

describe('ICAO 9303 machine-readable zone', () => {
  test('check digits of the specimen fields', () => {
    expect(mrzCheckDigit('L898902C3')).toBe(6);
    expect(mrzCheckDigit('740812')).toBe(2);
    expect(mrzCheckDigit('120415')).toBe(9);
    expect(mrzCheckDigit('ZE184226B<<<<<')).toBe(1);
    expect(() => mrzCheckDigit('a')).toThrow(RangeError);
  });

  test('the specimen line passes every check', () => {
    expect(checkMrzLine2(SPECIMEN)).toEqual([]);
  });

  test('a changed character is caught in its field and in the composite', () => {
    expect(checkMrzLine2(SPECIMEN.replace('L898902C3', 'L898902C4'))).toEqual([
      'document-number',
      'composite',
    ]);
    expect(checkMrzLine2(SPECIMEN.replace('740812', '740813'))).toEqual(['birth-date', 'composite']);
    expect(checkMrzLine2(SPECIMEN.slice(0, 43) + '1')).toEqual(['composite']);
  });

  test('lines of another shape are not MRZ lines', () => {
    expect(checkMrzLine2(SPECIMEN.slice(1))).toBeNull();
    expect(checkMrzLine2(SPECIMEN.toLowerCase())).toBeNull();
  });
});
