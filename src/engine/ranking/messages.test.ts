import { describe, expect, it } from 'vitest';
import { did, ENGLISH_MESSAGES, formatMessage, message, type MessageTable } from './messages.ts';

describe('messages', () => {
  it('says nested messages in the same table, falling back to English per key', () => {
    const msg = message('reason.because-you-two', {
      did: did('view', 'Kettle'),
      did2: did('add_to_cart', 'Mug'),
    });
    expect(formatMessage(msg)).toBe('Because you viewed Kettle and added Mug to your cart');
    const french: MessageTable = {
      'reason.because-you-two': 'Parce que vous avez {did} et {did2}',
      'did.other': '{verb} {title}',
      'verb.view': 'consulté',
    };
    // `did.add_to_cart` is missing from this table: said in English, not dropped.
    expect(formatMessage(msg, french)).toBe('Parce que vous avez consulté Kettle et added Mug to your cart');
  });

  it('inserts parameters as given: a title with braces is not read as a template', () => {
    expect(formatMessage(message('reason.similar', { title: 'Mug {rank}' }))).toBe('Similar to Mug {rank}');
  });

  it('leaves a placeholder without a parameter visible instead of printing "undefined"', () => {
    expect(formatMessage(message('reason.trending'))).toBe('Popular with shoppers right now (#{rank})');
  });

  it('has one English sentence per key, none empty', () => {
    for (const [key, text] of Object.entries(ENGLISH_MESSAGES)) expect(text.trim(), key).not.toBe('');
  });
});
