// The training and briefing log: each session with its topic, trainer and attendees; a new one recorded.
import { Button, DatePicker, Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ClosurePerson, TrainingSession } from '../../../../../shared/contract';

interface Values {
  heldOn: Dayjs;
  topic: string;
  trainer: string;
  attendees: string[];
  note?: string;
}

export function TrainingLog({
  training,
  people,
  canAdd,
  onAdd,
}: {
  training: TrainingSession[];
  people: ClosurePerson[];
  canAdd: boolean;
  onAdd: (v: Omit<Values, 'heldOn'> & { heldOn: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <>
      <Table<TrainingSession>
        data-testid="training-table"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={training}
        columns={[
          { title: t('compliance.people.heldOn'), dataIndex: 'heldOn' },
          { title: t('compliance.people.topic'), dataIndex: 'topic' },
          { title: t('compliance.people.trainer'), dataIndex: 'trainer' },
          {
            title: t('compliance.people.attendees'),
            key: 'a',
            render: (_: unknown, s) => s.attendees.map((a) => a.name).join('、'),
          },
          { title: t('compliance.people.note'), dataIndex: 'note' },
        ]}
      />
      {canAdd && people.length ? (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={async (v) => {
            if (await onAdd({ ...v, note: v.note ?? '', heldOn: v.heldOn.format('YYYY-MM-DD') }))
              form.resetFields();
          }}
        >
          <Form.Item name="heldOn" rules={[{ required: true }]}>
            <DatePicker placeholder={t('compliance.people.heldOn')} />
          </Form.Item>
          <Form.Item name="topic" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('compliance.people.topic')} maxLength={300} />
          </Form.Item>
          <Form.Item name="trainer" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('compliance.people.trainer')} maxLength={100} />
          </Form.Item>
          <Form.Item name="attendees" rules={[{ required: true }]}>
            <Select
              mode="multiple"
              style={{ minWidth: 200 }}
              placeholder={t('compliance.people.attendees')}
              options={people.map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder={t('compliance.people.note')} maxLength={2000} />
          </Form.Item>
          <Button htmlType="submit">{t('compliance.people.addTraining')}</Button>
        </Form>
      ) : null}
    </>
  );
}
