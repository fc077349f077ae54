import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Metadata = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const REMEMBERING = Symbol('hub: validation metadata remembered');

/**
 * class-validator finds a class's rules anew on every validation: it walks every registered
 * class (an `instanceof` test each), filters their rules, then groups them by property. With the
 * hub's DTOs that was about 2% of a command's CPU, for the same answer every time: rules are
 * registered by decorators when a module loads, not per request. So the answers are remembered
 * per class and options, and all forgotten when a rule is registered. The storage is the one
 * class-validator keeps for the process; remembering is switched on once.
 */
export function rememberValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [REMEMBERING]?: true };
  if (marked[REMEMBERING]) return;
  marked[REMEMBERING] = true;
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let answers = new Map<unknown, Map<string, Metadata>>();
  let groupings = new WeakMap<Metadata, Grouped>();
  storage.addValidationMetadata = (metadata) => {
    answers = new Map();
    groupings = new WeakMap();
    register(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000')}`;
    let byOptions = answers.get(target);
    if (!byOptions) answers.set(target, (byOptions = new Map<string, Metadata>()));
    let answer = byOptions.get(key);
    if (!answer) {
      answer = lookUp(target, schema, always, strictGroups, groups);
      byOptions.set(key, answer);
      groupings.set(answer, group(answer));
    }
    return answer;
  };
  // Only the arrays answered above are grouped once (class-validator never changes either).
  storage.groupByPropertyName = (metadata) => groupings.get(metadata) ?? group(metadata);
}
