import { describe, expect, it } from 'vitest';
import { keptRuns } from '../../../src/routes/archive/list.server';

describe('words a Traditional title kept in Simplified', () => {
	it('are the runs the derivation left unconverted, marked as the source’s Simplified', () => {
		// ⟪广东省高级人民法院⟫驳回⟪王炳章⟫上诉的裁定, derived with the name kept.
		expect(keptRuns('广东省高级人民法院驳回王炳章上诉的裁定', '广东省高级人民法院駁回王炳章上訴的裁定')).toEqual([
			{ text: '广东省高级人民法院', lang: 'zh-Hans', source: true },
			{ text: '駁回王炳章上訴的裁定' }
		]);
	});
	it('mark nothing when everything was converted, or when the two do not line up', () => {
		expect(keptRuns('国际特赦组织关于王炳章的报道', '國際特赦組織關於王炳章的報道').every((r) => !r.source)).toBe(true);
		expect(keptRuns('国家', '國家安全')).toEqual([{ text: '國家安全' }]);
	});
});
