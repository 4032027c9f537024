// The strength meter: the score of shared/passphrase-strength (the rule the engine enforces) as a bar of
// five segments with a word, and what is wrong with the passphrase. It only shows; the engine decides.
import { Flex, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { assessPassphrase, MIN_SCORE } from '../../../shared/passphrase-strength';

// Red to green; the middle one is the lowest score the engine accepts.
const COLOURS = ['#cf1322', '#d4380d', '#d48806', '#7cb305', '#389e0d'] as const;

export function PassphraseStrength({ passphrase }: { passphrase: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const empty = passphrase.length === 0;
  const { score, problems } = assessPassphrase(passphrase);
  const colour = COLOURS[score];
  return (
    <Flex
      vertical
      gap={4}
      style={{ marginTop: 6, marginBottom: 4 }}
      data-testid="strength"
      data-score={empty ? '' : score}
      data-acceptable={!empty && score >= MIN_SCORE}
      aria-live="polite"
    >
      <Flex align="center" gap={12}>
        <Flex gap={4} style={{ flex: '0 0 200px' }} aria-hidden>
          {[0, 1, 2, 3, 4].map((i) => (
            <div
              key={i}
              style={{
                flex: 1,
                height: 6,
                borderRadius: 3,
                background: !empty && i <= score ? colour : token.colorFillSecondary,
                transition: 'background 0.2s',
              }}
            />
          ))}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('strength.label')}
        </Typography.Text>
        <Typography.Text
          data-testid="strength-word"
          style={{ fontSize: 13, fontWeight: 500, color: empty ? undefined : colour }}
          type={empty ? 'secondary' : undefined}
        >
          {empty ? '—' : t(`strength.levels.${score}`)}
        </Typography.Text>
      </Flex>
      {!empty && problems.length > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="strength-problems">
          {problems.map((p) => t(`strength.problems.${p}`)).join(' · ')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
