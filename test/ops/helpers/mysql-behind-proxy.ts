import { createConnection } from 'mysql2/promise';

import { createTestDatabase, type TestDatabase } from '../../helpers/databases';
import { FaultProxy } from './fault-proxy';

export interface ProxiedMysql {
  /** Points the app at the proxy. */
  database: TestDatabase;
  proxy: FaultProxy;
  /** The schema's URL, straight to the server (for checking what was stored). */
  directUrl: string;
  /** Runs one query straight against the server, bypassing the proxy. */
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A fresh MySQL schema that the app reaches only through a `FaultProxy`. */
export async function mysqlBehindProxy(): Promise<ProxiedMysql> {
  const direct = await createTestDatabase('mysql');
  const directUrl = direct.env.DATABASE_URL;
  const target = new URL(directUrl);
  const proxy = await FaultProxy.start({
    host: target.hostname,
    port: Number(target.port || 3306),
  });
  return {
    proxy,
    directUrl,
    database: {
      kind: 'mysql',
      env: { DATABASE_URL: proxy.route(directUrl) },
      drop: () => direct.drop(),
    },
    query: async (sql, params = []) => {
      const connection = await createConnection({ uri: directUrl });
      try {
        const [rows] = await connection.query(sql, params);
        return rows as never[];
      } finally {
        await connection.end();
      }
    },
    close: async () => {
      await proxy.close();
      await direct.drop();
    },
  };
}
