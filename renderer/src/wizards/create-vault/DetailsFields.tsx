// The client company's details as form items: used by the create-vault wizard and by Edit details.
import { Col, DatePicker, Divider, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { creditCodeRule } from '../../components/credit-code-rule';

export function DetailsFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="clientName"
        label={t('create.clientName')}
        rules={[{ required: true, whitespace: true, message: t('create.clientNameRequired') }, { max: 200 }]}
      >
        <Input placeholder={t('create.clientNamePlaceholder')} data-testid="field-client-name" />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('create.creditCode')}
        extra={t('create.creditCodeHelp')}
        rules={[creditCodeRule(t)]}
      >
        <Input
          maxLength={40}
          style={{ fontFamily: 'inherit', letterSpacing: 0.5, maxWidth: 320 }}
          data-testid="field-credit-code"
        />
      </Form.Item>
      <Form.Item name="contact" label={t('create.contact')} rules={[{ max: 200 }]}>
        <Input
          placeholder={t('create.contactPlaceholder')}
          style={{ maxWidth: 320 }}
          data-testid="field-contact"
        />
      </Form.Item>
      <Form.Item name="closureReason" label={t('create.closureReason')} rules={[{ max: 1000 }]}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('create.closureReasonPlaceholder')}
          data-testid="field-closure-reason"
        />
      </Form.Item>
      <Divider titlePlacement="start" plain style={{ marginBlock: '4px 12px' }}>
        {t('create.keyDates')}
      </Divider>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="decisionDate" label={t('create.decisionDate')}>
            <DatePicker style={{ width: '100%' }} data-testid="field-decision-date" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="deregistrationDate" label={t('create.deregistrationDate')}>
            <DatePicker style={{ width: '100%' }} data-testid="field-deregistration-date" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="deadline" label={t('create.deadline')}>
            <DatePicker style={{ width: '100%' }} data-testid="field-deadline" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
