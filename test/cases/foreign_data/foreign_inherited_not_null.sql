-- Foreign tables inheriting NOT NULL from a plain parent: before 18 pg_dump writes
-- ALTER FOREIGN TABLE ONLY ... SET NOT NULL only for a NOT NULL the child adds itself.
CREATE SCHEMA foreign_inh_nn;
CREATE FOREIGN DATA WRAPPER fdwcase_inh_nn_wrapper;
CREATE SERVER fdwcase_inh_nn_srv FOREIGN DATA WRAPPER fdwcase_inh_nn_wrapper;
CREATE TABLE foreign_inh_nn.parent (id integer NOT NULL, note text);
CREATE FOREIGN TABLE foreign_inh_nn.kid () INHERITS (foreign_inh_nn.parent) SERVER fdwcase_inh_nn_srv;
CREATE FOREIGN TABLE foreign_inh_nn.strict_kid () INHERITS (foreign_inh_nn.parent) SERVER fdwcase_inh_nn_srv;
ALTER FOREIGN TABLE ONLY foreign_inh_nn.strict_kid ALTER COLUMN note SET NOT NULL;
