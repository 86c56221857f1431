import { AddressParts, countryName, formatAddress, readsLargestFirst } from './customer-address';

const tianhe: AddressParts = {
  country: 'CN',
  region: '广东省',
  city: '广州市',
  district: '天河区',
  street: '天河路 385 号',
  postalCode: '510620',
};

const springfield: AddressParts = {
  country: 'US',
  region: 'IL',
  city: 'Springfield',
  district: null,
  street: '1 Main St',
  postalCode: '62701',
};

describe('formatAddress', () => {
  it('writes a Chinese address from the province down to the street', () => {
    expect(formatAddress(tianhe, { locale: 'zh-CN', homeCountry: 'CN' })).toBe(
      '广东省广州市天河区天河路 385 号，510620',
    );
  });

  it('names a foreign country in the reader’s language, first in the Chinese order', () => {
    expect(formatAddress(tianhe, { locale: 'zh-CN', homeCountry: 'DE' })).toBe(
      '中国广东省广州市天河区天河路 385 号，510620',
    );
    expect(formatAddress(tianhe, { locale: 'en', homeCountry: null })).toBe(
      'China 广东省广州市天河区天河路 385 号，510620',
    );
  });

  it('writes other addresses street first and country last', () => {
    expect(formatAddress(springfield, { locale: 'en', homeCountry: 'CN' })).toBe(
      '1 Main St, Springfield, IL 62701, United States',
    );
    expect(formatAddress(springfield, { locale: 'en', homeCountry: 'US' })).toBe(
      '1 Main St, Springfield, IL 62701',
    );
  });

  it('writes a Chinese address in Latin letters the international way', () => {
    const latin: AddressParts = {
      country: 'CN',
      region: 'Guangdong',
      city: 'Guangzhou',
      district: 'Tianhe',
      street: '385 Tianhe Rd',
      postalCode: null,
    };
    expect(readsLargestFirst(latin)).toBe(false);
    expect(formatAddress(latin, { locale: 'en', homeCountry: 'CN' })).toBe(
      '385 Tianhe Rd, Tianhe, Guangzhou, Guangdong',
    );
  });

  it('leaves out the parts that are missing', () => {
    const bare: AddressParts = {
      country: null,
      region: null,
      city: '  ',
      district: null,
      street: '中山路 1 号',
      postalCode: null,
    };
    expect(formatAddress(bare, { locale: 'en' })).toBe('中山路 1 号');
    expect(formatAddress({ ...bare, street: 'Hauptstraße 5' }, { locale: 'de' })).toBe('Hauptstraße 5');
  });

  it('falls back to the code of a country the browser cannot name', () => {
    expect(countryName('CN', 'en')).toBe('China');
    expect(countryName('not a code', 'en')).toBe('not a code');
  });
});
