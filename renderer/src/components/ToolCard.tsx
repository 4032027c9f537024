// One tool on a page (back up, retention, restore, verify the audit chain, export for auditors, check the
// vault): a card titled with an icon and a name, a line saying what the tool does, then its controls.
// `small` is the compact card of a row of tools; `ref` reaches the card (to bring it into view).
import { Card, Flex, Space, Typography } from 'antd';
import type { ReactNode, Ref } from 'react';

export function ToolCard({
  icon,
  title,
  hint,
  testId,
  small = true,
  ref,
  children,
}: {
  icon: ReactNode;
  title: ReactNode;
  hint: ReactNode;
  testId: string;
  small?: boolean;
  ref?: Ref<HTMLDivElement>;
  children: ReactNode;
}) {
  return (
    <Card
      ref={ref}
      size={small ? 'small' : undefined}
      title={
        <Space>
          {icon}
          {title}
        </Space>
      }
      data-testid={testId}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{hint}</Typography.Text>
        {children}
      </Flex>
    </Card>
  );
}
