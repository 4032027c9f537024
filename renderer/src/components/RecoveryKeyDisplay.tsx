// The recovery key as it is shown once after creating a vault: 13 numbered groups in large monospace,
// laid out to be copied by hand without losing one's place.
import { theme, Typography } from 'antd';
import { MONOSPACE } from './RecoveryKeyInput';

export function RecoveryKeyDisplay({ recoveryKey }: { recoveryKey: string }) {
  const { token } = theme.useToken();
  const groups = recoveryKey.split('-');
  return (
    <div
      data-testid="recovery-key"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(5, max-content)',
        justifyContent: 'center',
        gap: '14px 22px',
        padding: '22px 24px',
        background: token.colorFillQuaternary,
        border: `1px solid ${token.colorBorder}`,
        borderRadius: token.borderRadiusLG,
      }}
    >
      {groups.map((group, i) => (
        <div key={i} style={{ display: 'flex', alignItems: 'baseline', gap: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 11, width: 16, textAlign: 'right' }}>
            {i + 1}
          </Typography.Text>
          <span
            data-testid="recovery-key-group"
            style={{
              fontFamily: MONOSPACE,
              fontSize: 24,
              fontWeight: 600,
              letterSpacing: 2,
              color: token.colorText,
              userSelect: 'all',
            }}
          >
            {group}
          </span>
        </div>
      ))}
    </div>
  );
}
