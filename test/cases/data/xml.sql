-- xml values (the embedded builds for 13..18 all have libxml): documents,
-- content fragments, entities, CDATA, namespaces, unicode, whitespace.
CREATE SCHEMA data_xml;
CREATE TABLE data_xml.docs (id integer PRIMARY KEY, x xml);
INSERT INTO data_xml.docs VALUES
  (1, '<a/>'),
  (2, '<root attr="v &amp; &quot;q&quot;"><child>text &lt;escaped&gt;</child><![CDATA[raw <data> & stuff]]></root>'),
  (3, 'plain text content <b>with</b> a fragment'),
  (4, '<ns:doc xmlns:ns="urn:example"><ns:item n="1">ü テ 😀</ns:item></ns:doc>'),
  (5, E'<pre>\n\tindented\r\n  lines \\ backslash\n</pre>'),
  (6, ''),
  (7, NULL),
  (8, '<?xml version="1.0"?><decl>with declaration</decl>'),
  (9, '<!-- comment --><?pi target?><x/>');
