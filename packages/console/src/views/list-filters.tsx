/**
 * The inbox's filters besides its tabs: a tag and a team. One choice for both the inbox list and
 * search (search/search-request.ts adds them to the query), so what is filtered stays filtered.
 */
import type { Team } from '@candor/protocol';
import type { ListFilter } from '../live/inbox-state';
import { say } from '../console-text';
import { visibleControls } from '@candor/protocol';

interface Props {
  filter: ListFilter;
  onChange: (filter: ListFilter) => void;
  /** Tags in use in the list. */
  tags: readonly string[];
  teams: readonly Team[];
}

export function ListFilters({ filter, onChange, tags, teams }: Props) {
  const tag = filter.tag ?? null;
  const teamId = filter.teamId ?? null;
  // A chosen tag stays offered even when no listed conversation carries it any more.
  const tagOptions = tag !== null && !tags.includes(tag) ? [...tags, tag].sort() : tags;
  if (tagOptions.length === 0 && teams.length === 0) return null;
  return (
    <div class="tag-filter list-filters">
      {tagOptions.length > 0 && (
        <>
          <label for="tag-filter">{say('tagFilter')}</label>
          <select
            id="tag-filter"
            data-testid="tag-filter"
            value={tag ?? ''}
            onChange={(e) => onChange({ ...filter, tag: e.currentTarget.value || null })}
          >
            <option value="">{say('allTags')}</option>
            {tagOptions.map((t) => (
              <option key={t} value={t}>
                {visibleControls(t)}
              </option>
            ))}
          </select>
        </>
      )}
      {teams.length > 0 && (
        <>
          <label for="team-filter">{say('teamFilter')}</label>
          <select
            id="team-filter"
            data-testid="team-filter"
            value={teamId ?? ''}
            onChange={(e) => onChange({ ...filter, teamId: e.currentTarget.value || null })}
          >
            <option value="">{say('allTeams')}</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {visibleControls(t.name)}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
