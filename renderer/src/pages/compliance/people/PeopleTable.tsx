// The people of the closure: duty, organisation, contact, the confidentiality undertaking (print it,
// record it signed) and when they were last trained.
import { Button, Flex, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClosurePerson } from '../../../../../shared/contract';
import { DUTY_TEXT } from '../../../../../shared/compliance/labels';
import { useBi } from '../../../i18n/bilingual';

export function PeopleTable({
  people,
  canEdit,
  onPrint,
  onRecord,
  onRemove,
}: {
  people: ClosurePerson[];
  canEdit: boolean;
  onPrint: (p: ClosurePerson) => void;
  onRecord: (p: ClosurePerson) => void;
  onRemove: (p: ClosurePerson) => void;
}) {
  const { t } = useTranslation();
  const bi = useBi();
  const dash = t('compliance.people.never');
  const columns: TableColumnsType<ClosurePerson> = [
    { title: t('compliance.people.columns.name'), dataIndex: 'name' },
    {
      title: t('compliance.people.columns.duty'),
      key: 'duty',
      render: (_: unknown, p) => bi(DUTY_TEXT[p.duty]),
    },
    {
      title: t('compliance.people.columns.organisation'),
      dataIndex: 'organisation',
      render: (v: string | null) => v ?? dash,
    },
    {
      title: t('compliance.people.columns.contact'),
      dataIndex: 'contact',
      render: (v: string | null) => v ?? dash,
    },
    {
      title: t('compliance.people.columns.undertaking'),
      key: 'undertaking',
      render: (_: unknown, p) => (
        <Flex gap={6} wrap align="center">
          {p.undertaking ? (
            <Tag color="green" data-testid="undertaking-signed">
              {t('compliance.people.signedOn', { date: p.undertaking.signedOn })}
            </Tag>
          ) : (
            <Tag>{t('compliance.people.notSigned')}</Tag>
          )}
          <Button size="small" onClick={() => onPrint(p)} data-testid="undertaking-print">
            {t('compliance.people.writeUndertaking')}
          </Button>
          {canEdit && !p.undertaking ? (
            <Button size="small" onClick={() => onRecord(p)} data-testid="undertaking-record">
              {t('compliance.people.recordUndertaking')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('compliance.people.columns.trained'),
      dataIndex: 'lastTrainedOn',
      render: (v: string | null) => v ?? dash,
    },
    {
      key: 'remove',
      render: (_: unknown, p) =>
        canEdit ? (
          <Button size="small" danger onClick={() => onRemove(p)}>
            {t('compliance.people.remove')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Table<ClosurePerson>
      data-testid="people-table"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={people}
      pagination={false}
    />
  );
}
