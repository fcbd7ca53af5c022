create table playlist (
  id bigserial primary key,
  name text not null,
  source text not null,            -- path | alchemy | similar | manual | cluster | instant
  request jsonb,                   -- the request that made it
  removed_songs integer not null default 0,  -- songs vacuum removed since it was made
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create table playlist_song (
  playlist_id bigint not null references playlist(id) on delete cascade,
  position integer not null,
  song_id bigint not null references song(id) on delete cascade,
  primary key (playlist_id, position)
);
