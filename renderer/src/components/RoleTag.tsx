// A role as a coloured tag, in the current language.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/contract';

const COLOURS: Record<Role, string> = { owner: 'gold', operator: 'blue', auditor: 'purple' };

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[role]} data-testid="role-tag" data-role={role} style={{ marginInlineEnd: 0 }}>
      {t(`roles.${role}`)}
    </Tag>
  );
}
