/** 身份证号 and 统一社会信用代码, whose need depends on the user class. Runtime: browser. */
import { Col, Form, Input } from 'antd';
import type { UserClass } from '../../../core/domain/customer';
import { useT } from '../../i18n';
import { creditCodeRule, idNumberRule } from './field-rules';

type NamePath = (string | number)[];

interface Props {
  /** Name prefix, e.g. [] for 开户 or ['newOwner'] for 过户. */
  base: NamePath;
  /** The user class now (the credit code shows only for non-residential users). */
  userClass: UserClass | undefined;
  /** Where the class comes from for validation: a field path, or a fixed class. */
  classOf: (get: (name: NamePath) => unknown) => unknown;
}

export function OwnerIdFields({ base, userClass, classOf }: Props) {
  const t = useT();
  const idPath = [...base, 'idNumber'];
  const classPath = base.length === 0 ? [['userClass']] : [];
  return (
    <>
      <Col span={8}>
        <Form.Item
          name={idPath}
          label={t.fields.idNumber}
          required={userClass === 'residential'}
          dependencies={classPath}
          rules={[idNumberRule(t, classOf)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      {userClass && userClass !== 'residential' && (
        <Col span={8}>
          <Form.Item
            name={[...base, 'creditCode']}
            label={t.fields.creditCode}
            extra={t.open.creditCodeHint}
            dependencies={[...classPath, idPath]}
            rules={[creditCodeRule(t, classOf, idPath)]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      )}
    </>
  );
}
