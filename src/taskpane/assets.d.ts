/** Plain-text assets bundled with webpack's asset/source (webpack.config.js). */
declare module "*.txt" {
  const text: string;
  export default text;
}
