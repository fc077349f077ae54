import 'reflect-metadata';
import { IsInt, IsString, MetadataStorage, getMetadataStorage } from 'class-validator';
import '../controllers';
import '@hub/projections/controllers';
import { rememberValidationMetadata } from './validation-metadata';

// The library's own answers, from its prototype (the remembering methods sit on the instance).
const libraryLookUp = MetadataStorage.prototype.getTargetValidationMetadatas;
const libraryGroup = MetadataStorage.prototype.groupByPropertyName;

const OPTIONS: [string | undefined, boolean, boolean, string[] | undefined][] = [
  [undefined, false, false, undefined],
  [undefined, true, false, undefined],
  [undefined, false, true, undefined],
  [undefined, false, true, ['admin']],
];

describe('rememberValidationMetadata', () => {
  const storage = getMetadataStorage();
  rememberValidationMetadata(storage);

  it('answers as class-validator does, for every DTO class the hub registers, from memory the second time', () => {
    const targets = [
      ...(
        storage as unknown as { validationMetadatas: Map<unknown, unknown> }
      ).validationMetadatas.keys(),
    ].filter((target): target is new () => object => typeof target === 'function');
    expect(targets.length).toBeGreaterThan(50);
    for (const target of targets)
      for (const [schema, always, strict, groups] of OPTIONS) {
        const expected = libraryLookUp.call(storage, target, schema!, always, strict, groups);
        const first = storage.getTargetValidationMetadatas(target, schema!, always, strict, groups);
        const again = storage.getTargetValidationMetadatas(target, schema!, always, strict, groups);
        expect(first).toEqual(expected);
        expect(again).toBe(first);
        expect(storage.groupByPropertyName(again)).toEqual(libraryGroup.call(storage, expected));
      }
  });

  it('forgets its answers when a rule is registered later, on the class or on its parent', () => {
    class Parent {
      @IsString() name!: string;
    }
    class Child extends Parent {
      @IsInt() count!: number;
    }
    const properties = (target: new () => object) =>
      storage
        .getTargetValidationMetadatas(target, undefined!, false, false, undefined)
        .map((rule) => rule.propertyName)
        .sort();
    expect(properties(Child)).toEqual(['count', 'name']);
    IsString()(Parent.prototype, 'label');
    expect(properties(Parent)).toEqual(['label', 'name']);
    expect(properties(Child)).toEqual(['count', 'label', 'name']);
    const grouped = storage.groupByPropertyName(
      storage.getTargetValidationMetadatas(Child, undefined!, false, false, undefined),
    );
    expect(Object.keys(grouped).sort()).toEqual(['count', 'label', 'name']);
  });
});
