// ts-jest needs name/version/factory exports; the Swagger CLI plugin is ESM and has none.
const transformer = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (cs) =>
  transformer.before(
    {
      classValidatorShim: true,
      introspectComments: true,
      dtoFileNameSuffix: ['.dto.ts', '.entity.ts', '.query.ts'],
    },
    cs.program,
  );
