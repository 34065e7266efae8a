/**
 * Photo and scan attachments for a service-desk record: a file box (JPEG, PNG, PDF; several at once), read as
 * base64 in the browser and sent with the record; the counter checks each file's type and size again. The
 * files picked are listed with a button to drop one. Runtime: browser.
 */
import { Space, Tag } from 'antd';
import type { AttachmentInput } from '../../../core/contract';
import { ATTACHMENTS_PER_STEP } from '../../../core/domain/attachments';
import { useT } from '../../i18n';

const read = (f: File) =>
  new Promise<AttachmentInput>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const url = String(r.result);
      resolve({ name: f.name.slice(0, 100), data: url.slice(url.indexOf(',') + 1) });
    };
    r.onerror = () => reject(r.error);
    r.readAsDataURL(f);
  });

export function AttachmentPicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: AttachmentInput[];
  onChange(v: AttachmentInput[]): void;
}) {
  const t = useT().installations;
  return (
    <Space wrap>
      <input
        id={id}
        type="file"
        multiple
        accept="image/jpeg,image/png,application/pdf"
        aria-label={t.pickFiles}
        data-testid={`${id}-input`}
        onChange={async (e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          const added = await Promise.all(files.map(read));
          onChange([...value, ...added].slice(0, ATTACHMENTS_PER_STEP));
        }}
      />
      {value.map((a) => (
        <Tag
          key={`${a.name}-${a.data.length}-${a.data.slice(-24)}`}
          closable
          onClose={() => onChange(value.filter((b) => b !== a))}
        >
          {a.name}
        </Tag>
      ))}
    </Space>
  );
}
