/** MySQL 8 and MariaDB sources through MySQL Connector/J: cursor fetch, statistics from information_schema. */
package io.sluice.adapters.jdbc.mysql;
