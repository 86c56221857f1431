import {
  byPosition,
  CustomerFormValue,
  formatFieldValue,
  fromFieldFormValue,
  isMasked,
  sortOrderOf,
  sortParam,
  toAddressFormValue,
  toAddressInput,
  toCustomerInput,
  toFieldFormValue,
} from './customer-form';
import { CustomerAddress, CustomerField, CustomFieldType } from './customers-api';

const field = (key: string, type: CustomFieldType, extra: Partial<CustomerField> = {}): CustomerField => ({
  id: `f-${key}`,
  key,
  label: key,
  type,
  options: [],
  required: false,
  position: 0,
  ...extra,
});

const FIELDS = [
  field('tier', 'choice', { options: ['gold', 'silver'] }),
  field('interests', 'multi_choice', { options: ['a', 'b'] }),
  field('birthday', 'date'),
  field('budget', 'number'),
  field('nickname', 'text'),
];

const form = (extra: Partial<CustomerFormValue> = {}): CustomerFormValue => ({
  kind: 'person',
  name: '  王小明 ',
  phones: [
    { number: ' 138 0013 8000 ', label: 'mobile' },
    { number: '  ', label: 'work' },
  ],
  emails: [{ address: '', label: 'work' }],
  addresses: [
    {
      label: 'shipping',
      country: 'CN',
      region: ' 广东省 ',
      city: '广州市',
      district: '',
      street: ' 天河路 385 号 ',
      postalCode: '  ',
    },
    { label: 'home', country: 'CN', region: '', city: '', district: '', street: ' ', postalCode: '' },
  ],
  idNumber: '',
  ownerId: 'u-1',
  source: ' ',
  status: 'active',
  tags: ['vip', ' vip', ''],
  notes: '',
  customFields: {
    tier: 'gold',
    interests: [],
    birthday: new Date(1990, 0, 31),
    budget: 1200,
    nickname: '  ',
  },
  ...extra,
});

const create = { creating: true, idNumberChanged: false, ownerEditable: true, defaultOwnerId: 'me' };
const edit = { creating: false, idNumberChanged: false, ownerEditable: true, defaultOwnerId: 'me' };

describe('toCustomerInput', () => {
  it('drops blank contact rows, trims text and turns blanks into null', () => {
    const body = toCustomerInput(form(), FIELDS, create);
    expect(body.name).toBe('王小明');
    expect(body.phones).toEqual([{ number: '138 0013 8000', label: 'mobile' }]);
    expect(body.emails).toEqual([]);
    expect(body.source).toBeNull();
    expect(body.notes).toBeNull();
    expect(body.tags).toEqual(['vip']);
    expect(body.addresses).toEqual([
      { label: 'shipping', country: 'CN', region: '广东省', city: '广州市', street: '天河路 385 号' },
    ]);
  });

  it('sends every custom field in the API format, empty ones as null', () => {
    expect(toCustomerInput(form(), FIELDS, create).customFields).toEqual({
      tier: 'gold',
      interests: null,
      birthday: '1990-01-31',
      budget: 1200,
      nickname: null,
    });
  });

  it('never sends back an ID number the user did not type', () => {
    expect(toCustomerInput(form({ idNumber: '' }), FIELDS, edit)).not.toHaveProperty('idNumber');
    expect(
      toCustomerInput(form({ idNumber: '' }), FIELDS, { ...edit, idNumberChanged: true }).idNumber,
    ).toBeNull();
    expect(toCustomerInput(form({ idNumber: ' 110105199001311234 ' }), FIELDS, create).idNumber).toBe(
      '110105199001311234',
    );
  });

  it('makes the user the owner of a new customer when the owner cannot be picked', () => {
    const fixed = { ...create, ownerEditable: false };
    expect(toCustomerInput(form(), FIELDS, fixed).ownerId).toBe('me');
    expect(toCustomerInput(form(), FIELDS, { ...fixed, creating: false })).not.toHaveProperty(
      'ownerId',
    );
    expect(toCustomerInput(form({ ownerId: null }), FIELDS, create).ownerId).toBeNull();
  });
});

describe('address rows', () => {
  const stored: CustomerAddress = {
    id: 'a1',
    label: 'billing',
    country: 'US',
    region: 'IL',
    city: 'Springfield',
    district: null,
    street: '1 Main St',
    postalCode: '62701',
  };

  it('sends a stored address back as it came, without its id and empty parts', () => {
    expect(toAddressInput(toAddressFormValue(stored))).toEqual({
      label: 'billing',
      country: 'US',
      region: 'IL',
      city: 'Springfield',
      street: '1 Main St',
      postalCode: '62701',
    });
  });

  it('starts a new address at home in the given country, and keeps a stored one without a country', () => {
    expect(toAddressFormValue(null, 'CN')).toEqual({
      label: 'home',
      country: 'CN',
      region: '',
      city: '',
      district: '',
      street: '',
      postalCode: '',
    });
    expect(toAddressFormValue({ ...stored, country: null }, 'CN').country).toBeNull();
  });

  it('drops a row with no text, but sends one that lacks only its street so the server names it', () => {
    const blank = toAddressFormValue(null, 'CN');
    expect(toAddressInput(blank)).toBeNull();
    expect(toAddressInput({ ...blank, city: '深圳市' })).toEqual({
      label: 'home',
      country: 'CN',
      city: '深圳市',
      street: '',
    });
  });
});

describe('custom field values', () => {
  it('reads what the API stored into the controls', () => {
    const [tier, interests, birthday, budget, nickname] = FIELDS as [
      CustomerField,
      CustomerField,
      CustomerField,
      CustomerField,
      CustomerField,
    ];
    expect(toFieldFormValue(tier, 'gold')).toBe('gold');
    expect(toFieldFormValue(interests, undefined)).toEqual([]);
    expect(toFieldFormValue(interests, 'a')).toEqual(['a']);
    expect(toFieldFormValue(birthday, '1990-01-31')).toEqual(new Date(1990, 0, 31));
    expect(toFieldFormValue(birthday, 'soon')).toBeNull();
    expect(toFieldFormValue(budget, '12.5')).toBe(12.5);
    expect(toFieldFormValue(nickname, null)).toBeNull();
  });

  it('keeps a picked day the same day whatever the time zone', () => {
    const birthday = field('birthday', 'date');
    const stored = fromFieldFormValue(birthday, new Date(2024, 11, 31, 23, 59));
    expect(stored).toBe('2024-12-31');
    expect(fromFieldFormValue(birthday, toFieldFormValue(birthday, stored))).toBe('2024-12-31');
  });

  it('writes a number field only when it holds a number', () => {
    expect(fromFieldFormValue(field('n', 'number'), 0)).toBe(0);
    expect(fromFieldFormValue(field('n', 'number'), null)).toBeNull();
  });

  it('formats values for reading', () => {
    expect(formatFieldValue(['a', 'b'])).toBe('a, b');
    expect(formatFieldValue(3)).toBe('3');
    expect(formatFieldValue(undefined)).toBe('');
  });
});

describe('table helpers', () => {
  it('turns the table sort into the API sort parameter and back', () => {
    expect(sortParam([{ key: 'name', value: 'ascend' }])).toBe('name');
    expect(sortParam([{ key: 'name', value: null }, { key: 'updatedAt', value: 'descend' }])).toBe(
      '-updatedAt',
    );
    expect(sortParam([{ key: 'phone', value: 'ascend' }])).toBeNull();
    expect(sortParam([])).toBeNull();
    expect(sortOrderOf('-createdAt', 'createdAt')).toBe('descend');
    expect(sortOrderOf('-createdAt', 'name')).toBeNull();
  });

  it('knows a masked ID number', () => {
    expect(isMasked('110***********1234')).toBe(true);
    expect(isMasked('110105199001311234')).toBe(false);
    expect(isMasked(null)).toBe(false);
  });

  it('orders fields by position, then label', () => {
    const ordered = byPosition([
      field('b', 'text', { position: 2, label: 'B' }),
      field('z', 'text', { position: 1, label: 'Z' }),
      field('a', 'text', { position: 1, label: 'A' }),
    ]);
    expect(ordered.map((f) => f.key)).toEqual(['a', 'z', 'b']);
  });
});
